with days as (
    {{ dbt.date_spine("day", "cast('2000-01-01' as date)", "cast('2036-01-01' as date)") }}
)

select
    cast(date_day as date) as date_day,
    cast({{ dbt.date_part('year', 'date_day') }} as integer) as year,
    cast({{ dbt.date_part('quarter', 'date_day') }} as integer) as quarter,
    cast({{ dbt.date_part('month', 'date_day') }} as integer) as month,
    cast({{ dbt.date_part('day', 'date_day') }} as integer) as day_of_month
from days
