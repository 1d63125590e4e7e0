# Checks: hmac
import hmac, hashlib
mac = hmac.new(b'key', b'message', hashlib.sha256).hexdigest()
assert mac == '6e9ef29b75fffc5b7abae527d58fdadb2fe42e7219011976917343065f58ed4a'
assert hmac.compare_digest(mac, mac)
assert hmac.digest(b'key', b'message', 'sha256').hex() == mac
print('hmac ok')
