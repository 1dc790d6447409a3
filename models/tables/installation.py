"""This database's own identity: the runs it started carry it as a tag, so that a Prefect shared by several
installations (or test databases) never shows one installation the runs of another."""

from sqlmodel import Field, SQLModel


class Installation(SQLModel, table=True):
    id: int = Field(default=1, primary_key=True)  # one row
    key: str = Field(max_length=36, description="A random UUID, made the first time a stage runs")
