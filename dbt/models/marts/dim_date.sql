with days as (
    {{ dbt.date_spine("day", "cast('2000-01-01' as date)", "cast('2036-01-01' as date)") }}
)

select
    cast(date_day as date) as date_day,
    cast(extract(year from date_day) as integer) as year,
    cast(extract(quarter from date_day) as integer) as quarter,
    cast(extract(month from date_day) as integer) as month,
    cast(extract(day from date_day) as integer) as day_of_month
from days
