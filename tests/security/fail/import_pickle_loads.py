# Technique: a pickle that calls os.system
# expect: ImportError
import pickle
pickle.loads(b"cos\nsystem\n(S'touch objcap-escape-marker'\ntR.")
