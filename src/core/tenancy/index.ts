export { findTenantBySlug, findTenantBySlugCached, forgetTenants, platformTenantId, listCities, type Tenant, type CityListing } from './tenants.ts';
export { createTenant, type CreateTenantInput } from './create-tenant.ts';
export { updateTenantSettings } from './update-tenant-settings.ts';
