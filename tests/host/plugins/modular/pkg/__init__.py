from . import helpers  # noqa: F401  (relative imports work among the plugin's own modules)
