select
    indicator_code,
    domain,
    name_vi,
    name_en,
    unit
from {{ ref('indicator_taxonomy') }}
