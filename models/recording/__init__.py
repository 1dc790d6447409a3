"""Recording what people did: validate against the rules, store it, and note the stage a flow must finish.

Each function adds to the caller's session and never commits: the caller owns the transaction.
"""
