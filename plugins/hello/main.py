"""The smallest objcap plugin: it can only do what its capabilities allow."""


def activate(ctx):
    ctx.log.info("hello from a sandboxed plugin")


def deactivate():
    pass
