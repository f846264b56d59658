"""The funding table: population × minimum rate, in Decimal kroner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from etablerer.inputs.model import Agreement, Municipality


@dataclass(frozen=True)
class FundingRow:
    municipality: Municipality
    population: int
    rate: Decimal
    amount: Decimal


@dataclass(frozen=True)
class FundingTable:
    population_date: date
    rows: tuple[FundingRow, ...]
    municipal_sum: Decimal
    total_population: int
    county_rate: Decimal
    county_amount: Decimal
    total: Decimal
    reservation: str


def funding_table(agreement: Agreement, municipalities: tuple[Municipality, ...]) -> FundingTable:
    funding = agreement.funding
    by_id = {m.id: m for m in municipalities}
    rows = []
    for muni_id in funding.municipalities:
        muni = by_id[muni_id]
        population = next(p.count for p in muni.populations if p.date == funding.population_date)
        rows.append(FundingRow(muni, population, funding.municipal_rate, population * funding.municipal_rate))
    municipal_sum = sum((r.amount for r in rows), Decimal(0))
    total_population = sum(r.population for r in rows)
    county_amount = total_population * funding.county_rate
    return FundingTable(
        population_date=funding.population_date,
        rows=tuple(rows),
        municipal_sum=municipal_sum,
        total_population=total_population,
        county_rate=funding.county_rate,
        county_amount=county_amount,
        total=municipal_sum + county_amount,
        reservation=funding.reservation,
    )
