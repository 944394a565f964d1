package org.socialsuite.simulator.world;

/**
 * Someone on a network the console can play: a consumer with the profile the network would return.
 *
 * @param id the page-scoped id (Facebook PSID) or numeric user id (Twitter/X)
 * @param timezone hours from UTC, possibly fractional; null when the network withholds it
 */
public record Person(
        String id,
        String firstName,
        String lastName,
        String handle,
        String bio,
        String locale,
        Double timezone,
        long followers,
        long following,
        long tweets,
        long likes) {

    public String name() {
        return lastName == null ? firstName : firstName + " " + lastName;
    }

    public String imageUrl() {
        return "https://example.invalid/avatars/" + id + ".png";
    }
}
