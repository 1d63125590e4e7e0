# Checks: hashlib sha256 and md5
import hashlib
h = hashlib.sha256(b'abc').hexdigest()
assert h == 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
m = hashlib.sha256()
m.update(b'a'); m.update(b'bc')
assert m.hexdigest() == h
assert hashlib.md5(b'').hexdigest() == 'd41d8cd98f00b204e9800998ecf8427e'
print('hashlib ok')
