/**
 * Fills a migrated hub database with N synthetic dossiers straight in SQL (current states, CEP
 * periods, co-funders' records, DSN contracts, organisms), for the publication benchmark: going
 * through the generator and the partner feed would take about an hour for 8 M dossiers (bench
 * README), and publication reads only the current states. Shapes follow DOMAIN.md: skewed commune
 * and organism sizes, persons with several dossiers, ~12 % of CPF dossiers co-funded, outcomes
 * whose timing varies by dispositif.
 */
import type pg from 'pg'

/**
 * The SIRET of organism `i` (a SQL expression): its own enterprise (SIREN) for most, one of ten
 * national networks' establishments for every twentieth. The dominance rule counts enterprises, so
 * SIRETs sharing one SIREN would make a single contributor of every organism.
 */
const siret = (i: string) =>
  `(case when (${i}) % 20 = 0 then (900000000 + ((${i}) / 20) % 10)::text else (100000000 + (${i}))::text end || lpad(((${i}) % 99999)::text, 5, '0'))`

const DISPOSITIFS = [
  ['CPF', 'CDC', 44, 60],
  ['PRF', 'REGION', 12, 600],
  ['AIF', 'FT', 9, 300],
  ['AFC', 'FT', 5, 400],
  ['PDC', 'OPCO', 5, 35],
  ['CPRO', 'OPCO', 5, 900],
  ['POEI', 'FT', 2.5, 350],
  ['PTP', 'TPRO', 1.5, 1000],
  ['VAE', 'CDC', 1.5, 24],
  ['BILAN', 'CDC', 1.2, 24],
  ['AGEFIPH', 'AGEFIPH', 1, 300],
  ['PROA', 'OPCO', 2, 400],
] as const

/** Runs the fill on one connection; returns the numbers of rows written. */
export async function synthesizeHub(client: pg.Client, dossiers: number, seed = 0.42): Promise<void> {
  const q = (text: string) => client.query(text)
  await q(`select setseed(${seed})`)
  const partners = [
    ...Array.from({ length: 18 }, (_, i) => [`R${i}`, 'REGION']),
    ...Array.from({ length: 11 }, (_, i) => [`OPCO${i}`, 'OPCO']),
    ['FT', 'FT'],
    ['CDC', 'CDC'],
    ['TPRO', 'TPRO'],
    ['AGEFIPH', 'AGEFIPH'],
    ['CEP_AO', 'CEP'],
    ['APEC', 'CEP'],
    ['ML', 'CEP'],
  ]
  for (const [code, kind] of partners)
    await q(`insert into partner (code, name, kind) values ('${code}', 'Partenaire ${code}', '${kind}')`)
  await q(`create temp table bench_commune as
    select code, departement, region, row_number() over (order by population desc nulls last, code) as r
    from commune where type = 'commune-actuelle'`)
  await q('create index on bench_commune (r)')
  const communes = Number((await q('select count(*) as c from bench_commune')).rows[0].c)
  const organisms = Math.max(50, Math.round(dossiers / 400))
  await q(`insert into organism (siret, nda, name, commune, qualiopi)
    select ${siret('i')}, null, 'Organisme ' || i,
           (select code from bench_commune where r = 1 + floor(power(random(), 3) * ${communes})::int), random() < 0.9
    from generate_series(1, ${organisms}) i`)
  await q(`create temp table bench_dispositif (i int, code text, kind text, weight float, hours int)`)
  await q(
    `insert into bench_dispositif values ${DISPOSITIFS.map((d, i) => `(${i}, '${d[0]}', '${d[1]}', ${d[2]}, ${d[3]})`).join(',')}`,
  )
  await q(`create temp table bench_dispositif_cum as
    select code, kind, hours, sum(weight) over (order by i) / sum(weight) over () as upto from bench_dispositif`)
  const persons = Math.round(dossiers * 0.8)
  // One row per dossier: person, dispositif, partner, dates (entries 2021–2026), outcome.
  await q(`create temp table bench_d as
    select i, floor(random() * ${persons})::int as person,
           (select code from bench_dispositif_cum where upto >= u order by upto limit 1) as dispositif,
           date '2021-01-01' + floor(random() * 2100)::int as planned_start,
           random() as a, random() as b, random() as c, random() as e
    from (select i, random() as u from generate_series(1, ${dossiers}) i) s`)
  await q(`insert into dossier_current (person_key, partner_id, record_id, version, content_hash, updated_at,
      received_at, identity_certified, birth_date, sex, residence_commune, qpv, dispositif, status,
      status_at_entry, certification_type, certification_code, certification_level, nsf, organism_siret,
      offer_ref, place_commune, modality, planned_start, planned_end, planned_hours, entry_date, exit_date,
      exit_reason, hours_completed, certification_result, committed, shared_dossier_id)
    select md5('p' || d.person), p.id, 'D' || d.i, 1, md5('c' || d.i), now(), now(), true,
      date '1960-01-01' + (d.person % 16000), case when d.person % 2 = 0 then 'F' else 'M' end,
      pc.code, case when d.person % 11 = 0 then 'QP0' || (d.person % 900) else null end,
      d.dispositif, st.status, (array['DE_INDEMNISE','SAL_PRIVE','SAL_PUBLIC','INDEP','INACTIF','DE_NON_INDEMNISE','JEUNE_ML'])[1 + d.person % 7],
      case when d.c < 0.75 then 'RNCP' else 'AUCUNE' end,
      case when d.c < 0.75 then 'RNCP' || (30000 + (d.i % 2000)) else null end,
      case when d.c < 0.75 then 3 + (d.i % 6) else null end,
      (array['200','310','311','312','330','331','332','333','334','335','344','251','255'])[1 + d.i % 13],
      ${siret(`1 + floor(power(d.e, 2) * ${organisms})::int`)},
      null, pc.code, (array['PRESENTIEL','MIXTE','DISTANCE'])[1 + d.i % 3],
      d.planned_start, d.planned_start + dc.hours / 5, dc.hours,
      case when st.status in ('ENTRE','SORTI') then d.planned_start end,
      case when st.status = 'SORTI' then d.planned_start + dc.hours / 5 end,
      case when st.status = 'SORTI' then (case when d.b < 0.12 then 'ABANDON' else 'FIN_PARCOURS' end) end,
      case when st.status = 'SORTI' then dc.hours * (case when d.b < 0.12 then 0.4 else 1 end) end,
      case when st.status = 'SORTI' and d.c < 0.75 then (case when d.b < 0.6 then 'OBTENUE' when d.b < 0.75 then 'ECHEC' else 'INCONNU' end) end,
      dc.hours * 25, null
    from bench_d d
    join bench_dispositif_cum dc on dc.code = d.dispositif
    join partner p on p.code = case dc.kind when 'REGION' then 'R' || (d.person % 18) when 'OPCO' then 'OPCO' || (d.person % 11) else dc.kind end
    join bench_commune pc on pc.r = 1 + floor(power(d.a, 3) * ${communes})::int
    cross join lateral (select case
      when d.planned_start + dc.hours / 5 < date '2026-10-01' and d.b > 0.03 then 'SORTI'
      when d.planned_start < date '2026-11-01' then 'ENTRE' else 'ACCEPTE' end as status) st`)
  // A co-funder's record for ~12 % of CPF dossiers, linked as one shared dossier.
  await q(`update dossier_current set shared_dossier_id = 'S' || record_id
    where dispositif = 'CPF' and ('x' || substr(content_hash, 1, 4))::bit(16)::int % 100 < 12`)
  await q(`insert into dossier_current
    select person_key, (select id from partner where code = 'FT'), record_id || '-FT', version, content_hash,
      updated_at, received_at, identity_certified, birth_date, sex, residence_commune, qpv, 'CPF_ABONDE', status,
      status_at_entry, certification_type, certification_code, certification_level, nsf, organism_siret, offer_ref,
      place_commune, modality, planned_start, planned_end, planned_hours, entry_date, exit_date, exit_reason,
      hours_completed, certification_result, committed / 3, shared_dossier_id
    from dossier_current where shared_dossier_id is not null`)
  // DSN contracts: most persons have one, some two; jobseeker dispositifs lead to later starts.
  await q(`insert into dsn_contract (person_key, line, employer_siret, naf, contract_type, start_date, end_date, hours_ratio)
    select person_key, n, '12345678900011', null,
      (array['CDI','CDD','CDD','INTERIM','CDI','AUTRE'])[1 + (abs(hashtext(person_key || n)) % 6)],
      exit + (abs(hashtext(person_key || n || 's')) % 400) - 60,
      case when abs(hashtext(person_key || n || 'e')) % 3 = 0 then null
           else exit + (abs(hashtext(person_key || n || 's')) % 400) - 60 + 30 + abs(hashtext(person_key || 'l')) % 500 end,
      1
    from (select person_key, max(coalesce(exit_date, planned_start)) as exit from dossier_current group by person_key) p
    cross join generate_series(1, 2) n
    where abs(hashtext(person_key || n || 'k')) % 100 < (case n when 1 then 65 else 20 end)`)
  // CEP periods: about a quarter as many as dossiers (DOMAIN.md: 2.1 M of 8 M), each drawn for a
  // person at random: ~15 % of the CEP persons get several periods (~27 % of the periods share
  // their person with another: a person accompanied again, or by two operators).
  await q(`insert into cep_current (person_key, partner_id, record_id, version, content_hash, updated_at, received_at,
      identity_certified, birth_date, sex, residence_commune, qpv, status_at_entry, start_date, end_date, level,
      end_reason, project_type, interviews, cancelled)
    select md5('p' || pi), (select id from partner where code = (array['CEP_AO','APEC','ML'])[1 + i % 3]),
      'C' || i, 1, md5('cep' || i), now(), now(), true, date '1960-01-01' + pi % 16000,
      case when pi % 2 = 0 then 'F' else 'M' end, pc.code, null,
      (array['DE_INDEMNISE','SAL_PRIVE','SAL_PUBLIC','DE_NON_INDEMNISE'])[1 + i % 4], date '2021-01-01' + (i % 2100), null, 1 + i % 2, null, null, 2, false
    from (select i, abs(hashtext('cep-person' || i)) % ${persons} as pi
          from generate_series(1, ${Math.round(dossiers / 4)}) i) c
    join bench_commune pc on pc.r = 1 + (i::bigint * 7919 % ${communes})`)
  await q('analyze')
}
