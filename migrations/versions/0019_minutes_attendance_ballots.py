"""the papers of the block meeting and the council session: absence reasons, ballot counts, counting committee,
the vote on next year's block head, absent council members' written opinions, the minutes' numbers

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-03
"""
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql


revision: str = '0019'
down_revision: str | None = '0018'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The ballot counts and the counting committee (Ban kiểm phiếu), kept by both bodies that vote by ballot.
_BALLOTS = ('ballots_issued', 'ballots_returned', 'ballots_invalid')


def _ballot_columns(batch_op: Any) -> None:
    for name in _BALLOTS:
        batch_op.add_column(sa.Column(name, sa.Integer(), nullable=True))
    # JSONB on PostgreSQL: its JSON type has no equality, which a SELECT DISTINCT over the row needs.
    batch_op.add_column(sa.Column('counting_committee', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'),
                                  nullable=False, server_default='[]'))
    batch_op.add_column(sa.Column('minutes_number', sa.String(length=40), nullable=True))


def upgrade() -> None:
    with op.batch_alter_table('meetingattendance', schema=None) as batch_op:
        batch_op.add_column(sa.Column('absence_reason', sa.String(length=500), nullable=False, server_default=''))
    with op.batch_alter_table('blockmeeting', schema=None) as batch_op:
        _ballot_columns(batch_op)
        batch_op.add_column(sa.Column('next_head_votes', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('next_deputy_votes', sa.Integer(), nullable=True))
    with op.batch_alter_table('councilsession', schema=None) as batch_op:
        _ballot_columns(batch_op)
    with op.batch_alter_table('councilmember', schema=None) as batch_op:
        batch_op.add_column(sa.Column('written_opinion_text', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('councilmember', schema=None) as batch_op:
        batch_op.drop_column('written_opinion_text')
    for table, extra in (('councilsession', ()), ('blockmeeting', ('next_head_votes', 'next_deputy_votes'))):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name in (*extra, 'minutes_number', 'counting_committee', *_BALLOTS):
                batch_op.drop_column(name)
    with op.batch_alter_table('meetingattendance', schema=None) as batch_op:
        batch_op.drop_column('absence_reason')
