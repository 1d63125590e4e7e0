# Technique: import subprocess and run a shell command
# expect: ImportError
import subprocess
subprocess.run(['touch', 'objcap-escape-marker'])
