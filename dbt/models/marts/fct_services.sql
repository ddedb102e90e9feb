{{ fact_table('services') }}
