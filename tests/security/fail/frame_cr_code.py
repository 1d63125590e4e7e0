# Technique: rebuild a function from a coroutine's cr_code
# expect: AttributeError
async def coro():
    open('objcap-escape-marker', 'w').write('x')
c = coro()
type(coro)(c.cr_code, {})().send(None)
