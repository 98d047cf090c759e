// Everyday business and technology words that Hunspell's English dictionaries do not know, so
// real client mail does not drown in false alarms. Compared in lower case; simple inflections
// (plural -s/-es, -ed, -ing, -er, possessive 's) are accepted by the spelling rule.

const BUSINESS_AND_TECH = `
zoom figma shopify slack asana trello jira confluence notion airtable hubspot salesforce mailchimp
klaviyo stripe paypal quickbooks xero freshbooks zendesk intercom calendly docusign dropbox gdrive
onedrive sharepoint gmail outlook loom miro canva wix squarespace wordpress woocommerce webflow
bigcommerce magento godaddy cloudflare netlify vercel heroku github gitlab bitbucket zapier typeform
surveymonkey hootsuite buffer linkedin instagram facebook tiktok youtube pinterest whatsapp
telegram imessage icloud macos ios ipados android iphone ipad macbook chromebook airpods google
youtube vimeo wistia twilio sendgrid mailgun postmark okta auth0 aws azure gcp firebase supabase
mongodb postgres postgresql mysql sqlite redis kafka kubernetes docker terraform ansible datadog
grafana sentry pagerduty statuspage opsgenie newrelic splunk tableau looker powerbi metabase
segment mixpanel amplitude hotjar semrush ahrefs moz yoast gusto rippling bamboohr workday
netsuite sage pipedrive monday.com clickup basecamp smartsheet wrike teamwork harvest toggl
expensify ramp brex bill.com square venmo zelle wise revolut klarna afterpay shopify's etsy
ebay amazon walmart costco fedex ups usps dhl royalmail hermes evri doordash ubereats grubhub
deliveroo opentable resy mindbody vagaro booksy fresha acuity glossgenius squareup toast lightspeed
clover handwrytten printful printify vistaprint moo
backend frontend fullstack onboarding offboarding onboard onboarded offboard preboarding
kpi kpis okr okrs roi sla slas sow nda ndas msa rfp rfq rfi poc mvp saas paas iaas crm erp
cms cdn seo sem ppc cpc cpm ctr cta ctas ux ui qa uat api apis sdk sdks sso mfa 2fa otp url urls
ui/ux b2b b2c d2c dtc smb smbs eod eow eom cob ooo pto wfh asap fyi tbc eta etas faq faqs
csv pdf pdfs png jpg jpeg svg gif mp4 xlsx docx pptx zip html css json xml yaml sql npm
webhook webhooks workflow workflows dashboard dashboards checkout checkouts signup signups
login logins logout sign-in sign-up opt-in opt-out optin optout unsubscribe unsubscribes
unsubscribed resubscribe dropdown dropdowns popup popups tooltip tooltips navbar sidebar
homepage homepages landing webpage webpages microsite microsites subdomain subdomains hostname
username usernames passcode passcodes passwordless captcha recaptcha cookie cookies
timestamp timestamps timezone timezones datetime uptime downtime failover rollback rollbacks
hotfix hotfixes bugfix bugfixes changelog changelogs roadmap roadmaps backlog backlogs
sprint sprints standup standups retro retros kickoff kickoffs offsite offsites onsite
deliverable deliverables stakeholder stakeholders upsell upsells upselling cross-sell
cross-selling upsold rebrand rebrands rebranding rebranded preorder preorders presale presales
prepaid postpaid prorated prorate proration invoicing invoiced reinvoice reissue reissued
refundable nonrefundable chargeback chargebacks payout payouts paywall subtotal subtotals
upfront pre-approved preapproved reschedule rescheduled rescheduling recurring autopay
autorenew auto-renew auto-renewal renewals walkthrough walkthroughs rollout rollouts
go-live golive livestream livestreams livestreaming webinar webinars podcast podcasts
newsletter newsletters ebook ebooks infographic infographics mockup mockups wireframe wireframes
prototype prototypes storyboard storyboards moodboard moodboards colorway colourway
flyer flyers hotspot hotspots click-through click-throughs clickthrough clickthroughs copywriting copywriter copyedit copyedits proofread proofreading proofed typo typos
hashtag hashtags retweet repost reposts reel reels influencer influencers ugc
geotargeting retargeting remarketing lookalike analytics attribution conversions
benchmarking scalable scalability reusable customizable customisable configurable
integrations integration plugin plugins add-on add-ons addon addons extension extensions
app apps microservice microservices serverless devops devsecops fintech healthtech edtech
proptech insurtech martech adtech ecommerce e-commerce omnichannel multichannel
fulfillment fulfilment dropship dropshipping warehousing restock restocked restocking
backorder backordered backorders sku skus upc barcode barcodes qr rfid pos
bookkeeping payroll reimbursements reimbursable timesheet timesheets headcount
contractor freelancer freelance freelancers subcontractor subcontractors
coworking cowork hybrid async asynchronous sync syncing synced resync resynced
screenshot screenshots screencast screenshare screensharing livechat chatbot chatbots
email emails emailed emailing e-mail e-mails inbox inboxes cc bcc cc'd bcc'd
voicemail voicemails callback callbacks hotline helpdesk helpline
followup follow-ups check-in check-ins checkin checkins catchup catch-up touchpoint touchpoints
touchbase heads-up handoff handoffs handover handovers signoff sign-off signoffs
pre-launch prelaunch relaunch relaunched soft-launch go-to-market gtm
onsite offline online on-site in-person inperson teammate teammates
ok okay alright lol btw imo tldr tl;dr
covid covid-19 hipaa gdpr ccpa pci soc2 iso wcag ada
`;

/** The curated words, lower case. */
export const CURATED_WORDS: readonly string[] = BUSINESS_AND_TECH.split(/\s+/).filter((w) => w.length > 0);

/** Endings tried when a word is not known as written (KPIs, onboarded, webinars, Figma's). */
export const INFLECTIONS: readonly string[] = ["'s", 's', 'es', 'ed', 'd', 'ing', 'er', 'ers'];
