package org.socialsuite.support;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/** Asynchronous steps over a list, one after the other. */
public final class InOrder {

    private InOrder() {}

    /** As a stream: a chain of a thousand nested Unis overflows the stack. */
    public static <T> Uni<Void> each(List<T> items, Function<T, Uni<Void>> step) {
        return Multi.createFrom()
                .iterable(items)
                .onItem()
                .transformToUniAndConcatenate(item -> step.apply(item))
                .collect()
                .last()
                .replaceWithVoid();
    }
}
