/**
 * Attested key release: wrapping a secret to a host's TPM bind key so that only that TPM can
 * unwrap it. Two wire formats, both unwrappable by TPM2_RSA_Decrypt:
 * <ul>
 * <li>{@link io.boat.kms.release.JweWrap}: compact JWE, protected header
 *     {@code {"alg":"RSA-OAEP-256","enc":"A256GCM","kid":"<bind-key TPM name, hex>","boat_report_id":"<trust report id>"}};
 *     the agent unwraps the content key with {@code tpm2_rsadecrypt -s oaep} (empty label, no {@code -l})
 *     and decrypts the content with any JOSE library or plain AES-GCM (AAD = the encoded header).
 *     Any secret size.</li>
 * <li>{@link io.boat.kms.release.TpmOaepWrap}: one RSA-OAEP block, SHA-256 and MGF1-SHA-256, label
 *     {@code "TPM2\0"} (5 bytes), as Intel SecL's key broker sends; unwrap with
 *     {@code tpm2_rsadecrypt -s oaep -l label.bin} where label.bin holds the 4 bytes {@code TPM2}
 *     (the tool appends the zero byte). At most k - 66 bytes (190 for RSA-2048).</li>
 * </ul>
 * The bind key's public area is checked before it gets here
 * ({@code io.boat.attestation.client.tpm.BindKeyRequirements}); {@link io.boat.kms.release.BindKeyTarget}
 * re-checks only what the wrap itself depends on.
 *
 * <p>Where the host's report comes from: {@link io.boat.kms.release.AttestationHostReports} asks the
 * attestation service (attestation-client's rest client, bounded timeouts), verifies the report's JWS and
 * caches trusted reports by AK name; its bind-key evidence ({@code ReportedBindKey}) re-checks the public
 * area, the AK's name and the TPM2_Certify itself, and recomputes the TPM2_PolicyPCR digest for
 * {@link io.boat.kms.release.BindKeyEvidence#pcrBound()}.
 *
 * <p>What keeps a cached release off the database: the secret's policy comes from
 * {@link io.boat.kms.release.ReleasePolicyCache}, and its audit record is group-committed with those of
 * concurrent releases by {@link io.boat.kms.release.ReleaseAuditWriter} before the release is answered.
 */
package io.boat.kms.release;
