# Technique: a logging FileHandler opens its file
# expect: ImportError
import logging
logging.FileHandler('objcap-escape-marker').emit(logging.makeLogRecord({'msg': 'x'}))
