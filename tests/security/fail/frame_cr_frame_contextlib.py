# Technique: asynccontextmanager's __aenter__ is a contextlib coroutine: cr_frame
# expect: AttributeError
import contextlib
@contextlib.asynccontextmanager
async def resource():
    yield 1
co = resource().__aenter__()
b = co.cr_frame.f_globals['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
