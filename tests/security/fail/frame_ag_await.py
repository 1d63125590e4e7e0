# Technique: ag_await exposes the awaitable an async generator is suspended on
# expect: AttributeError
class Pause:
    def __await__(self):
        yield
async def agen():
    await Pause()
    yield 1
a = agen()
a.asend(None).send(None)
b = a.ag_await.gi_frame.f_builtins
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
