package org.socialsuite.profile.network;

/** Where a post can be seen on its network, for items the network gave no link for. */
public final class Permalinks {

    private Permalinks() {}

    public static String tweet(String handle, String id) {
        return "https://twitter.com/" + (handle == null ? "i/web" : handle) + "/status/" + id;
    }

    /** A post is its own page; a comment is shown on its post. */
    public static String facebook(String platformId, String rootPlatformId) {
        return rootPlatformId == null || rootPlatformId.equals(platformId)
                ? "https://www.facebook.com/" + platformId
                : "https://www.facebook.com/" + rootPlatformId + "?comment_id=" + platformId;
    }
}
