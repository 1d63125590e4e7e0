# Checks: contextmanager, suppress, ExitStack
import contextlib
log = []
@contextlib.contextmanager
def tag(name):
    log.append('<' + name)
    try:
        yield name
    finally:
        log.append(name + '>')
with tag('a') as n:
    assert n == 'a'
with contextlib.suppress(KeyError):
    {}['missing']
with contextlib.ExitStack() as stack:
    stack.enter_context(tag('b'))
    stack.callback(log.append, 'cb')
assert log == ['<a', 'a>', '<b', 'cb', 'b>']
print('contextlib ok')
