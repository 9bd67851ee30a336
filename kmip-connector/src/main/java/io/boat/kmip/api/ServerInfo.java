package io.boat.kmip.api;

import java.util.List;

/** What Query answered: supported operation and object type codes, and the vendor identification. */
public record ServerInfo(List<Integer> operations, List<ObjectKind> objectKinds, String vendorIdentification) {
    public ServerInfo {
        operations = List.copyOf(operations);
        objectKinds = List.copyOf(objectKinds);
    }

    /** Whether the server lists that Operation code (KMIP 1.4 §9.1.3.2.27). */
    public boolean supportsOperation(int operationCode) {
        return operations.contains(operationCode);
    }
}
