package org.praxis.platform.crypto;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.PraxisConfig;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;

/** The key-rotation procedure of deploy/k8s/README.md, as operations: see the keys, move values, retire a key. */
@Path("/v1/admin/keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Field keys", description = "Field-encryption keys of this service and the values under each")
public class KeyResource {
    private static final String KEY_ID = "[A-Za-z0-9._-]{1,40}";

    @Inject
    KeyRotation rotation;

    @Inject
    KeyInventory inventory;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext callerContext;

    @Inject
    PraxisConfig config;

    private void require(KeyPolicy.Action action) {
        KeyPolicy.require(callerContext.caller(), action, config.crypto().operatorTenant());
    }

    public record KeyView(
            @Schema(required = true, maxLength = 40, pattern = KEY_ID)
            String keyId,

            @Schema(
                    required = true,
                    enumeration = {"active", "readable", "retired", "missing"})
            String state,

            @Schema(required = true, minimum = "0", maximum = "9223372036854775807")
            long values,

            @Schema(required = true, minimum = "0", maximum = "9223372036854775807")
            long dataKeys) {
        static KeyView of(KeyInventory.KeyStatus k) {
            return new KeyView(k.keyId(), k.state(), k.values(), k.dataKeys());
        }
    }

    public record KeyList(
            @Schema(required = true, maxItems = Bounds.LIST) List<KeyView> keys) {}

    public record RotationPass(
            @Schema(required = true, minimum = "0", maximum = "9223372036854775807")
            long moved,

            @Schema(required = true, minimum = "0", maximum = "9223372036854775807")
            long failed,

            @Schema(required = true, maxItems = Bounds.LIST) List<KeyView> keys) {}

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "field-key:list")
    @Operation(
            operationId = "listFieldKeys",
            summary = "List the key-encryption keys with the number of values sealed under each")
    @APIResponse(responseCode = "200", description = "Every key the service knows or its values name")
    @APIResponse(
            responseCode = "403",
            description = "Not an admin of the operator tenant (praxis.crypto.operator-tenant)")
    public KeyList list() {
        require(KeyPolicy.Action.LIST);
        return new KeyList(inventory.status().stream().map(KeyView::of).toList());
    }

    @POST
    @Path("/rotation")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "field-key:rotate")
    @Operation(
            operationId = "rotateFieldKeys",
            summary = "Run a rotation pass now: move values under other keys to the active key (audited)")
    @APIResponse(responseCode = "200", description = "What the pass moved, and the keys after it")
    @APIResponse(
            responseCode = "403",
            description = "Not an admin of the operator tenant (praxis.crypto.operator-tenant)")
    public RotationPass rotate() {
        require(KeyPolicy.Action.ROTATE);
        // Audited in a transaction of its own: the pass commits batch by batch and may outlast one.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> audit.record("rotate", "field-key", null, null));
        KeyRotation.PassResult pass = rotation.reencrypt();
        return new RotationPass(
                pass.moved(),
                pass.failed(),
                pass.keys().stream().map(KeyView::of).toList());
    }

    @POST
    @Path("/{keyId}/retirement")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Extension(name = AccessMatrix.EXTENSION, value = "field-key:retire")
    @Operation(
            operationId = "retireFieldKey",
            summary = "Retire a key no value uses any more; then it may leave the Secret (audited)")
    @APIResponse(responseCode = "200", description = "The key, retired")
    @APIResponse(
            responseCode = "403",
            description = "Not an admin of the operator tenant (praxis.crypto.operator-tenant)")
    @APIResponse(responseCode = "409", description = "The key is active or values still use it")
    public KeyView retire(@PathParam("keyId") @Size(max = 40) @Pattern(regexp = KEY_ID) String keyId) {
        require(KeyPolicy.Action.RETIRE);
        KeyView retired = KeyView.of(inventory.retire(keyId, callerContext.subject()));
        audit.record("retire", "field-key", keyId, null);
        return retired;
    }
}
