"""The smallest objcap plugin: it can only do what its capabilities allow."""


def activate(ctx):
    ctx.log.info("hello from a sandboxed plugin")
    ctx.timers.call_later(0.1, lambda: ctx.log.info("hello again, from a timer"))


def deactivate():
    pass
