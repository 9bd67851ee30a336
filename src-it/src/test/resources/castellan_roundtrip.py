"""Castellan (OpenStack's key-manager abstraction, as Nova/Cinder/Glance use it) against BOAT,
unchanged: its Barbican backend re-scopes the user's token with Keystone's token method, then
creates, stores, reads and deletes keys. argv: boat_url token project_id. Prints ALL OK."""
import sys

from castellan import key_manager
from castellan.common.objects import symmetric_key
from castellan import options
from oslo_config import cfg
from oslo_context import context

boat_url, token, project_id = sys.argv[1:4]
conf = cfg.ConfigOpts()
options.set_defaults(conf, backend='barbican', barbican_endpoint=boat_url, auth_endpoint=boat_url + '/v3')
conf([])
manager = key_manager.API(conf)
ctx = context.RequestContext(auth_token=token, project_id=project_id)

key_id = manager.create_key(ctx, algorithm='AES', length=256, name='castellan-key')
key = manager.get(ctx, key_id)
assert key.algorithm.upper() == 'AES' and len(key.get_encoded()) == 32, 'generated key'
print('created key', key_id)

stored_id = manager.store(ctx, symmetric_key.SymmetricKey('AES', 128, bytes(range(16)), name='castellan-stored'))
assert manager.get(ctx, stored_id).get_encoded() == bytes(range(16)), 'stored key round trip'
print('stored key', stored_id)

manager.delete(ctx, stored_id)
try:
    manager.get(ctx, stored_id)
    raise AssertionError('deleted key still readable')
except Exception as e:  # castellan raises ManagedObjectNotFoundError
    assert 'not found' in str(e).lower() or 'NotFound' in type(e).__name__, repr(e)
print('deleted key')
print('ALL OK')
