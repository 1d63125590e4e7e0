# Technique: ctx.log without --grant log
# expect: AttributeError
# grant: files=granted
ctx.log.info('x')
