# PyKMIP's own Python client as the yardstick of BOAT's KMIP path (bench/http/run.sh kmip): in one
# session, creates and activates a 256-bit AES key (what BOAT's POST secret leaves in the server),
# then Gets it for SECONDS and prints the Gets per second. Same server, same client certificate
# (PyKMIP owns objects by the certificate's CN) as BOAT's connector in the same run.
#   /usr/bin/python3 pykmip-get.py HOST PORT CERT KEY CA SECONDS
import sys
import time

from kmip.core import enums
from kmip.pie.client import ProxyKmipClient

host, port, cert, key, ca, seconds = sys.argv[1:7]
client = ProxyKmipClient(hostname=host, port=int(port), cert=cert, key=key, ca=ca,
                         ssl_version='PROTOCOL_TLSv1_2', config_file='/dev/null')
with client:
    uid = client.create(enums.CryptographicAlgorithm.AES, 256)
    client.activate(uid)
    client.get(uid)
    gets, start = 0, time.perf_counter()
    end = start + float(seconds)
    while time.perf_counter() < end:
        client.get(uid)
        gets += 1
    print("%.1f" % (gets / (time.perf_counter() - start)))
