package org.socialsuite.simulator.world;

import java.util.List;
import java.util.Optional;

/** The consumers the console plays, the same on every run (DESIGN.md §7 has the brands). */
public final class DemoPeople {

    /** Facebook consumers; one withholds locale and time zone, as Facebook may. */
    public static final List<Person> FACEBOOK =
            List.of(
                    new Person("8001", "Ann", "Lee", null, null, "en_GB", 0.0, 0, 0, 0, 0),
                    new Person("8002", "Bruno", "Díaz", null, null, "es_ES", 1.0, 0, 0, 0, 0),
                    new Person("8003", "Priya", "Nair", null, null, "en_IN", 5.5, 0, 0, 0, 0),
                    new Person("8004", "Chen", "Wei", null, null, null, null, 0, 0, 0, 0),
                    new Person("8005", "Dana", "Okafor", null, null, "en_NG", 1.0, 0, 0, 0, 0));

    /** Twitter/X consumers with their public counts. */
    public static final List<Person> TWITTER =
            List.of(
                    new Person(
                            "9001",
                            "Bob",
                            null,
                            "bob",
                            "coffee first",
                            null,
                            null,
                            12,
                            40,
                            310,
                            77),
                    new Person(
                            "9002",
                            "Carla",
                            "Mendes",
                            "carlam",
                            "runner, reader",
                            null,
                            null,
                            830,
                            210,
                            4_120,
                            2_990),
                    new Person(
                            "9003",
                            "Dev",
                            "Patel",
                            "devp",
                            "ships code",
                            null,
                            null,
                            45,
                            88,
                            760,
                            1_204));

    private DemoPeople() {}

    public static Optional<Person> facebook(String id) {
        return FACEBOOK.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public static Optional<Person> twitter(String id) {
        return TWITTER.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
