package io.boat.attestation.client;

/**
 * A trust report and the same report signed by the service as a compact JWS (RS256, {@code kid}
 * names the key in the service's JWK set). The JWS payload is the report as JSON.
 */
public class SignedTrustReport {
    private TrustReport report;
    private String jws;

    public TrustReport getReport() { return report; }
    public void setReport(TrustReport report) { this.report = report; }
    public String getJws() { return jws; }
    public void setJws(String jws) { this.jws = jws; }
}
