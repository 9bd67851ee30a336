package io.boat.kmip.outbound;

/** A small script using PyKMIP's own client: argv = host port cert key ca command [uid]. */
final class PythonClient {
    static final String SCRIPT = String.join("\n",
            "import sys",
            "from kmip.pie.client import ProxyKmipClient",
            "from kmip.core import enums",
            "host, port, cert, key, ca, cmd = sys.argv[1:7]",
            "client = ProxyKmipClient(hostname=host, port=int(port), cert=cert, key=key, ca=ca,",
            "                         ssl_version='PROTOCOL_TLSv1_2', config_file='/dev/null')",
            "with client:",
            "    if cmd == 'get':",
            "        print(client.get(sys.argv[7]).value.hex())",
            "    elif cmd == 'create':",
            "        uid = client.create(enums.CryptographicAlgorithm.AES, 256)",
            "        print(uid, client.get(uid).value.hex())",
            "    elif cmd == 'gets':",
            "        for _ in range(int(sys.argv[8])):",
            "            client.get(sys.argv[7])",
            "");

    private PythonClient() {
    }
}
