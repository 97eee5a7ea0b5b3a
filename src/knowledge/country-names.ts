/**
 * Country names in English and Indonesian, for names `actors.yaml` does not list: `/actor
 * ukraine` then finds the passages naming "Ukraina". The first name in each language is the one
 * shown. A short table of our own, not a gazetteer: it covers the countries news for a class
 * names most; a teacher adds any other actor to `actors.yaml`.
 */
import type { Localized } from './model.js';

export type CountryName = { readonly en: readonly string[]; readonly id: readonly string[] };

const COUNTRIES: readonly CountryName[] = [
  { en: ['Afghanistan'], id: ['Afganistan', 'Afghanistan'] },
  { en: ['Argentina'], id: ['Argentina'] },
  { en: ['Armenia'], id: ['Armenia'] },
  { en: ['Australia'], id: ['Australia'] },
  { en: ['Austria'], id: ['Austria'] },
  { en: ['Azerbaijan'], id: ['Azerbaijan'] },
  { en: ['Bangladesh'], id: ['Bangladesh'] },
  { en: ['Belarus'], id: ['Belarus'] },
  { en: ['Belgium'], id: ['Belgia'] },
  { en: ['Brazil'], id: ['Brasil'] },
  { en: ['Brunei'], id: ['Brunei', 'Brunei Darussalam'] },
  { en: ['Cambodia'], id: ['Kamboja'] },
  { en: ['Canada'], id: ['Kanada'] },
  { en: ['China'], id: ['Tiongkok', 'China', 'Cina', 'RRT'] },
  { en: ['Czech Republic', 'Czechia'], id: ['Ceko', 'Republik Ceko'] },
  { en: ['Denmark'], id: ['Denmark'] },
  { en: ['Egypt'], id: ['Mesir'] },
  { en: ['Ethiopia'], id: ['Etiopia'] },
  { en: ['Finland'], id: ['Finlandia'] },
  { en: ['France'], id: ['Prancis', 'Perancis'] },
  { en: ['Georgia'], id: ['Georgia'] },
  { en: ['Germany'], id: ['Jerman'] },
  { en: ['Greece'], id: ['Yunani'] },
  { en: ['Hungary'], id: ['Hongaria'] },
  { en: ['India'], id: ['India'] },
  { en: ['Indonesia'], id: ['Indonesia'] },
  { en: ['Iran'], id: ['Iran'] },
  { en: ['Iraq'], id: ['Irak'] },
  { en: ['Israel'], id: ['Israel'] },
  { en: ['Italy'], id: ['Italia'] },
  { en: ['Japan'], id: ['Jepang'] },
  { en: ['Jordan'], id: ['Yordania'] },
  { en: ['Kazakhstan'], id: ['Kazakhstan'] },
  { en: ['Kenya'], id: ['Kenya'] },
  { en: ['Laos'], id: ['Laos'] },
  { en: ['Lebanon'], id: ['Lebanon', 'Libanon'] },
  { en: ['Libya'], id: ['Libya'] },
  { en: ['Malaysia'], id: ['Malaysia'] },
  { en: ['Mexico'], id: ['Meksiko'] },
  { en: ['Moldova'], id: ['Moldova'] },
  { en: ['Myanmar', 'Burma'], id: ['Myanmar'] },
  { en: ['Netherlands', 'Holland'], id: ['Belanda'] },
  { en: ['New Zealand'], id: ['Selandia Baru'] },
  { en: ['Nigeria'], id: ['Nigeria'] },
  { en: ['North Korea'], id: ['Korea Utara'] },
  { en: ['Norway'], id: ['Norwegia'] },
  { en: ['Pakistan'], id: ['Pakistan'] },
  { en: ['Palestine'], id: ['Palestina'] },
  { en: ['Philippines'], id: ['Filipina'] },
  { en: ['Poland'], id: ['Polandia'] },
  { en: ['Portugal'], id: ['Portugal'] },
  { en: ['Qatar'], id: ['Qatar'] },
  { en: ['Romania'], id: ['Rumania', 'Romania'] },
  { en: ['Russia', 'Russian Federation'], id: ['Rusia', 'Federasi Rusia'] },
  { en: ['Saudi Arabia'], id: ['Arab Saudi'] },
  { en: ['Serbia'], id: ['Serbia'] },
  { en: ['Singapore'], id: ['Singapura'] },
  { en: ['South Africa'], id: ['Afrika Selatan'] },
  { en: ['South Korea'], id: ['Korea Selatan'] },
  { en: ['Spain'], id: ['Spanyol'] },
  { en: ['Sudan'], id: ['Sudan'] },
  { en: ['Sweden'], id: ['Swedia'] },
  { en: ['Switzerland'], id: ['Swiss'] },
  { en: ['Syria'], id: ['Suriah'] },
  { en: ['Taiwan'], id: ['Taiwan'] },
  { en: ['Thailand'], id: ['Thailand'] },
  { en: ['Timor-Leste', 'East Timor'], id: ['Timor Leste', 'Timor-Leste'] },
  { en: ['Turkey', 'Türkiye'], id: ['Turki'] },
  { en: ['Ukraine'], id: ['Ukraina'] },
  { en: ['United Arab Emirates', 'UAE'], id: ['Uni Emirat Arab', 'UEA'] },
  { en: ['United Kingdom', 'Britain', 'UK'], id: ['Inggris', 'Britania Raya'] },
  { en: ['United States', 'America', 'USA', 'US'], id: ['Amerika Serikat', 'Amerika', 'AS'] },
  { en: ['Venezuela'], id: ['Venezuela'] },
  { en: ['Vietnam'], id: ['Vietnam'] },
  { en: ['Yemen'], id: ['Yaman'] },
];

/** Every built-in country, each with its names in both languages. */
export function countryNames(): readonly CountryName[] {
  return COUNTRIES;
}

/** All names of a country, both languages. */
export function allNamesOf(country: CountryName): string[] {
  return [...new Set([...country.en, ...country.id])];
}

/** The name shown for a country in each reply language. */
export function shownName(country: CountryName): Localized {
  return { en: country.en[0] ?? '', id: country.id[0] ?? '' };
}
