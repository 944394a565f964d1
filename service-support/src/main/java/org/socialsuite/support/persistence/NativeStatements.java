package org.socialsuite.support.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A plain SQL statement in the caller's session and transaction, for what an entity cannot say: a
 * conditional claim, an upsert. Parameters are positional ({@code ?1}, {@code ?2}, …).
 */
public final class NativeStatements {

    private NativeStatements() {}

    /** Runs the statement; the number of rows it changed. */
    public static Uni<Integer> execute(String sql, Object... parameters) {
        return Panache.getSession()
                .chain(
                        session -> {
                            var statement = session.createNativeQuery(sql);
                            for (int i = 0; i < parameters.length; i++) {
                                statement.setParameter(i + 1, parameters[i]);
                            }
                            return statement.executeUpdate();
                        });
    }
}
