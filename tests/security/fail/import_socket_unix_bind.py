# Technique: import socket; binding an AF_UNIX socket creates a file
# expect: ImportError
import socket
socket.socket(socket.AF_UNIX).bind('objcap-escape-marker')
