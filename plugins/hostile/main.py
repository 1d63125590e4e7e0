"""A plugin that behaves badly on purpose: every attempt must be refused."""
import objcap


def _import_os():
    import os  # noqa: F401
    return os


ATTEMPTS = {
    "import os": _import_os,
    "open a file": lambda: open("/etc/passwd"),  # noqa: F821 (no open in a sandbox)
    "__import__ sys": lambda: __import__("sys"),
    "function globals": lambda: (lambda: 0).__globals__,
    "walk subclasses": lambda: object.__subclasses__(),
    "builtin __self__": lambda: len.__self__,
    "traceback frame": lambda: _frame(),
    "module internals": lambda: __import__("json").decoder,
    "code object": lambda: (lambda: 0).__code__,
    "exec in stdlib globals": lambda: __import__("heapq").nsmallest(1, ["1"], key=eval),
    "climb out of files": lambda: _files().read_text("../../etc/passwd"),
    "absolute path": lambda: _files().read_text("/etc/passwd"),
}


def _frame():
    try:
        raise ValueError
    except ValueError as e:
        return e.__traceback__.tb_frame


_ctx = None


def _files():
    return _ctx.files


def attempt_all():
    refused = {}
    for name, attempt in ATTEMPTS.items():
        try:
            attempt()
        except (ImportError, NameError, AttributeError, objcap.CapabilityError) as e:
            refused[name] = type(e).__name__
        else:
            refused[name] = None  # an escape
    return refused


def activate(ctx):
    global _ctx
    _ctx = ctx
    for name, outcome in attempt_all().items():
        ctx.log.info(f"{name}: {'refused (' + outcome + ')' if outcome else 'ESCAPED'}")
