"""python-barbicanclient + keystoneauth1 against BOAT, unchanged: the way OpenStack services
and the openstack CLI talk to a key manager. argv: auth_url user password project.
Prints one line per check; exits non-zero on the first failure."""
import sys
import time

from barbicanclient import client
from keystoneauth1 import identity, session

auth_url, user, password, project = sys.argv[1:5]
auth = identity.v3.Password(auth_url=auth_url, username=user, password=password, project_name=project,
                            user_domain_name='Default', project_domain_name='Default')
barbican = client.Client(session=session.Session(auth=auth))

secret = barbican.secrets.create(name='barbicanclient-secret', payload='s3cr3t from python',
                                 payload_content_type='text/plain')
ref = secret.store()
assert barbican.secrets.get(ref).payload == 's3cr3t from python', 'text payload round trip'
print('stored and read text secret', ref)

binary = bytes(range(32))
bref = barbican.secrets.create(name='barbicanclient-binary', payload=binary).store()
assert barbican.secrets.get(bref).payload == binary, 'binary payload round trip'
print('stored and read binary secret')

order_ref = barbican.orders.create_key(name='barbicanclient-key', algorithm='aes', bit_length=256).submit()
for _ in range(600):
    order = barbican.orders.get(order_ref)
    if order.status != 'PENDING':
        break
    time.sleep(0.1)
assert order.status == 'ACTIVE', 'order status ' + order.status
key = barbican.secrets.get(order.secret_ref).payload
assert isinstance(key, bytes) and len(key) == 32, 'generated key length'
print('ordered key', order.secret_ref)

names = [s.name for s in barbican.secrets.list(name='barbicanclient-secret')]
assert names == ['barbicanclient-secret'], names
barbican.secrets.delete(ref)
assert [s.name for s in barbican.secrets.list(name='barbicanclient-secret')] == [], 'deleted'
print('listed and deleted')
print('ALL OK')
