select
    indicator_code,
    domain,
    name_vi,
    name_en,
    unit,
    refines
from {{ ref('indicator_taxonomy') }}
