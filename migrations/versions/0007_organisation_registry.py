"""organisation registry: kinds, genders, birth dates, active periods, and the log of workbook imports

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UNIT_KIND = sa.Enum('department', 'association', 'commune', 'enterprise', 'central_agency', 'other',
                    name='unitkind', native_enum=False, length=40)
BLOCK_KIND = sa.Enum('block', 'cluster', name='blockkind', native_enum=False, length=40)
GENDER = sa.Enum('male', 'female', name='gender', native_enum=False, length=40)


def upgrade() -> None:
    # Units and blocks already held get the neutral kind; an office sets the right one by importing its workbook.
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', UNIT_KIND, nullable=False, server_default='other'))
        batch_op.add_column(sa.Column('active_from', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('active_until', sa.Date(), nullable=True))
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('gender', GENDER, nullable=True))
        batch_op.add_column(sa.Column('birth_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('active_from', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('active_until', sa.Date(), nullable=True))
    with op.batch_alter_table('emulationblock', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', BLOCK_KIND, nullable=False, server_default='block'))
    op.create_table('organisationimport',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_name', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('accepted', sa.Boolean(), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=False),
    sa.Column('problems', sa.JSON(), nullable=False),
    sa.Column('imported_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('on_behalf_of', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
    sa.Column('client_address', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('organisationimport')
    with op.batch_alter_table('emulationblock', schema=None) as batch_op:
        batch_op.drop_column('kind')
    with op.batch_alter_table('person', schema=None) as batch_op:
        for column in ('active_until', 'active_from', 'birth_date', 'gender'):
            batch_op.drop_column(column)
    with op.batch_alter_table('unit', schema=None) as batch_op:
        for column in ('active_until', 'active_from', 'kind'):
            batch_op.drop_column(column)
