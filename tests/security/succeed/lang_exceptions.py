# Checks: exceptions, chaining, groups, finally, custom types
class AppError(Exception):
    pass
try:
    try:
        {}['k']
    except KeyError as e:
        raise AppError('wrapped') from e
except AppError as e:
    assert isinstance(e.__cause__, KeyError) and str(e) == 'wrapped'
log = []
try:
    raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
except* ValueError as g:
    log.append(len(g.exceptions))
except* TypeError:
    log.append('t')
assert log == [1, 't']
def f():
    try:
        return 'try'
    finally:
        log.append('finally')
assert f() == 'try' and log[-1] == 'finally'
print('exceptions ok')
