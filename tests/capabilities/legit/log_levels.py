# Technique: ctx.log prints '[LEVEL] message' on stderr
# grant: log
# stderr-contains: [INFO] hello from the plugin
# stderr-contains: [WARNING] careful
# stderr-contains: [ERROR] bad thing
ctx.log.debug('debug line')
ctx.log.info('hello from the plugin')
ctx.log.warning('careful')
ctx.log.error('bad thing')
