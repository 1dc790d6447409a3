"""registry changes: one log of every change to the registry (who, when, before, after), households, and
accounts that must change a one-time password

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('registrychange',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('object_type', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('object_id', sa.Integer(), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('changed_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('on_behalf_of', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
    sa.Column('client_address', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('import_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['import_id'], ['organisationimport.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_registrychange_object', 'registrychange', ['object_type', 'object_id'], unique=False)
    op.create_index('ix_registrychange_import_id', 'registrychange', ['import_id'], unique=False)
    op.create_table('household',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('head_name', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('address', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('commune_id', sa.Integer(), nullable=False),
    sa.Column('active_from', sa.Date(), nullable=True),
    sa.Column('active_until', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['commune_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_household_commune_id', 'household', ['commune_id'], unique=False)
    # Accounts made before this keep their passwords: only an imported account's one-time password must change.
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('must_change_password', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('must_change_password')
    op.drop_index('ix_household_commune_id', table_name='household')
    op.drop_table('household')
    op.drop_index('ix_registrychange_import_id', table_name='registrychange')
    op.drop_index('ix_registrychange_object', table_name='registrychange')
    op.drop_table('registrychange')
