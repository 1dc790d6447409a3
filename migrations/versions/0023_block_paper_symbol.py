"""each block keeps its own paper symbol, unique, so two blocks whose codes share initials keep apart series

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-03
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0023'
down_revision: str | None = '0022'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _initials(code: str) -> str:
    # As models.domain.numbers.block_symbol wrote it until now (copied: a migration keeps the rule of its day).
    words = [w for w in code.upper().split('-') if w]
    return ("".join(w[0] for w in words) if len(words) > 1 else "".join(words))[:20]


def upgrade() -> None:
    with op.batch_alter_table('emulationblock', schema=None) as batch_op:
        batch_op.add_column(sa.Column('symbol', sa.String(length=20), nullable=False, server_default=''))
    blocks = sa.table('emulationblock', sa.column('id', sa.Integer), sa.column('code', sa.String),
                      sa.column('symbol', sa.String))
    connection = op.get_bind()
    taken: set[str] = set()
    # The first block (by id) keeps the series its minutes were numbered in; a later one whose initials collide
    # takes its whole code without hyphens, then its id, so no two blocks share a series from here on.
    for block_id, code in connection.execute(sa.select(blocks.c.id, blocks.c.code).order_by(blocks.c.id)):
        symbol = _initials(code)
        if symbol in taken:
            symbol = code.upper().replace('-', '')[:20]
        if symbol in taken:
            symbol = f"{symbol[:20 - len(str(block_id))]}{block_id}"
        taken.add(symbol)
        connection.execute(blocks.update().where(blocks.c.id == block_id).values(symbol=symbol))
    with op.batch_alter_table('emulationblock', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_emulationblock_symbol'), ['symbol'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('emulationblock', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_emulationblock_symbol'))
        batch_op.drop_column('symbol')
