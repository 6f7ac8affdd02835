"""Result files on disk: the result model, the session that saves after every change, the lock
and the atomic write.
"""
