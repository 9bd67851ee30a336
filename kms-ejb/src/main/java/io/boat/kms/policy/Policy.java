package io.boat.kms.policy;

import io.boat.kms.NotPermittedException;
import io.boat.kms.project.ProjectId;

/** Decides whether a caller may perform an action; refusals use Barbican's wording. */
public final class Policy {

    private Policy() {
    }

    public static void check(Caller caller, Action action) {
        if (!allows(caller, action)) {
            throw new NotPermittedException(action.refusal());
        }
    }

    public static boolean allows(Caller caller, Action action) {
        for (Role role : action.allowed()) {
            if (caller.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /** The caller's project must own the resource; another project's secret is 403, not 404. */
    public static void checkOwner(Caller caller, Action action, ProjectId ownerProjectId) {
        check(caller, action);
        if (!caller.projectId().equals(ownerProjectId)) {
            throw new NotPermittedException(action.refusal());
        }
    }

    /** Deleting a secret: admin, or the creator role for a secret the caller created. */
    public static void checkDelete(Caller caller, ProjectId ownerProjectId, String creatorId) {
        checkCreatorOrAdmin(caller, Action.SECRET_DELETE, ownerProjectId, creatorId);
    }

    /** The project's admin, or (with a role the action allows) the user who created the resource. */
    public static void checkCreatorOrAdmin(Caller caller, Action action, ProjectId ownerProjectId, String creatorId) {
        checkOwner(caller, action, ownerProjectId);
        if (!caller.hasRole(Role.ADMIN) && !caller.userId().equals(creatorId)) {
            throw new NotPermittedException(action.refusal());
        }
    }
}
