package org.socialsuite.outbound.delivery;

/**
 * This replica as it signs its claims: the host name (a pod's name in Kubernetes) and the process
 * id, unique even for replicas sharing a machine.
 */
final class ClaimOwner {

    static final String THIS_REPLICA =
            System.getenv().getOrDefault("HOSTNAME", "localhost")
                    + "/"
                    + ProcessHandle.current().pid();

    private ClaimOwner() {}
}
