#!/bin/sh
# Create TPM bind keys with tpm2-tools in a fresh swtpm and write their public areas and the names
# and policy digests the TPM/tpm2-tools report, as independent known answers for BOAT's parser.
# Leaves the swtpm running (state in OUT_DIR/state, stop it with swtpm-stop.sh OUT_DIR/state) so a
# caller can go on to unwrap with tpm2_rsadecrypt -c OUT_DIR/<key>.ctx.
# Usage: bind-key-fixtures.sh OUT_DIR PORT      (PORT and PORT+1 must be free)
# Writes, for KEY in bind (userWithAuth, no policy) and pcrbind (TPM2_PolicyPCR authPolicy):
#   KEY.pub   TPM2B_PUBLIC as tpm2_create writes it    KEY.name  the name tpm2_readpublic reports
#   KEY.pem   the RSA public key (PEM)                   KEY.ctx   saved context of the loaded key
# and pcr.selection (the tpm2-tools PCR list), pcr.values (the selected PCR values, concatenated
# in selection order, as tpm2_pcrread -o writes them), pcr.policy (the digest tpm2_createpolicy computed).
# Also the keys a relying party must refuse, migratable (no fixedTPM/fixedParent), restricted
# (a restricted decryption key) and sign (an RSASSA signing key), and two attestation keys ak and ak2
# (restricted RSASSA-SHA256 signing keys). Every KEY above is certified by ak (tpm2_certify):
#   KEY.certify  the TPMS_ATTEST           KEY.certsig  ak's TPMT_SIGNATURE over it
set -eu
if [ $# -ne 2 ]; then echo "usage: $0 OUT_DIR PORT" >&2; exit 2; fi
for tool in swtpm tpm2_createprimary tpm2_create tpm2_createpolicy; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$0: '$tool' not found (apt-get install swtpm tpm2-tools)" >&2; exit 3; }
done
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
mkdir -p "$out/state"
"$here/swtpm-start.sh" "$out/state" "$2" >/dev/null
export TPM2TOOLS_TCTI="swtpm:host=127.0.0.1,port=$2"
cd "$out"
sel=sha256:0,1,7
echo "$sel" > pcr.selection
# Move two selected PCRs away from their reset values so the reference digest is not all zeros.
tpm2_pcrextend 1:sha256=0101010101010101010101010101010101010101010101010101010101010101 \
  7:sha256=0707070707070707070707070707070707070707070707070707070707070707
# Without a resource manager each tool leaves its transient objects loaded (3 slots): flush after each.
flush() { tpm2_flushcontext -t; tpm2_flushcontext -s; }
tpm2_createprimary -Q -C o -g sha256 -G rsa2048 -c primary.ctx; flush
tpm2_pcrread -Q "$sel" -o pcr.values
tpm2_createpolicy -Q --policy-pcr -l "$sel" -f pcr.values -L pcr.policy; flush

make_key() { # NAME ATTRIBUTES [POLICY]
  if [ $# -eq 3 ]; then policy="-L $3"; else policy=""; fi
  # shellcheck disable=SC2086
  tpm2_create -Q -C primary.ctx -g sha256 -G rsa2048:null:null -a "$2" $policy -u "$1.pub" -r "$1.priv"; flush
  tpm2_load -Q -C primary.ctx -u "$1.pub" -r "$1.priv" -c "$1.ctx"; flush
  tpm2_readpublic -Q -c "$1.ctx" -n "$1.name" -f pem -o "$1.pem"; flush
}
make_key bind 'fixedtpm|fixedparent|sensitivedataorigin|userwithauth|decrypt'
make_key pcrbind 'fixedtpm|fixedparent|sensitivedataorigin|decrypt' pcr.policy
make_key migratable 'sensitivedataorigin|userwithauth|decrypt'

make_typed_key() { # NAME ALGORITHM ATTRIBUTES
  tpm2_create -Q -C primary.ctx -g sha256 -G "$2" -a "$3" -u "$1.pub" -r "$1.priv"; flush
  tpm2_load -Q -C primary.ctx -u "$1.pub" -r "$1.priv" -c "$1.ctx"; flush
  tpm2_readpublic -Q -c "$1.ctx" -n "$1.name"; flush
}
make_typed_key restricted rsa2048:null:aes128cfb 'fixedtpm|fixedparent|sensitivedataorigin|userwithauth|restricted|decrypt'
make_typed_key sign rsa2048:rsassa-sha256:null 'fixedtpm|fixedparent|sensitivedataorigin|userwithauth|sign'
make_typed_key ak rsa2048:rsassa-sha256:null 'fixedtpm|fixedparent|sensitivedataorigin|userwithauth|restricted|sign'
make_typed_key ak2 rsa2048:rsassa-sha256:null 'fixedtpm|fixedparent|sensitivedataorigin|userwithauth|restricted|sign'
for key in bind pcrbind migratable restricted sign; do
  tpm2_certify -Q -c "$key.ctx" -C ak.ctx -g sha256 -o "$key.certify" -s "$key.certsig"; flush
done
rm -f ./*.priv
