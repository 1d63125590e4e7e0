# Technique: cr_await of our coroutine is the contextlib coroutine it awaits; its cr_frame
# expect: AttributeError
import contextlib
class Pause:
    def __await__(self):
        yield
class Resource:
    async def __aenter__(self):
        await Pause()
    async def __aexit__(self, *exc):
        pass
async def mine():
    async with contextlib.AsyncExitStack() as stack:
        await stack.enter_async_context(Resource())
co = mine()
co.send(None)
b = co.cr_await.cr_frame.f_globals['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
