--
-- PostgreSQL database dump
--

\restrict jMXBgRtVsNcPefMWwohWy7MdEgA68jzRZfo9nCnCjt3obzcXyJYKp8Hx9dpqAxE

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: app_user; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.app_user (
    user_id character varying(36) NOT NULL,
    username character varying(256) NOT NULL,
    password_hash character varying(512) NOT NULL,
    roles character varying(512) NOT NULL,
    disabled boolean NOT NULL,
    created_at timestamp without time zone NOT NULL,
    last_sign_in_at timestamp without time zone,
    source character varying(16) DEFAULT 'BUILT_IN'::character varying NOT NULL,
    user_principal_name character varying(256)
);


--
-- Name: audit_chain_head; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_chain_head (
    chain_id integer NOT NULL,
    id_cursor bigint NOT NULL,
    last_hash character varying(64) NOT NULL
);


--
-- Name: audit_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_event (
    event_id bigint NOT NULL,
    occurred_at timestamp without time zone NOT NULL,
    actor character varying(300) NOT NULL,
    source_address character varying(64),
    action character varying(64) NOT NULL,
    outcome character varying(16) NOT NULL,
    device_id character varying(36),
    volume_guid character varying(36),
    recovery_key_id character varying(36),
    reason character varying(1000),
    detail character varying(1000),
    previous_hash character varying(64) NOT NULL,
    event_hash character varying(64) NOT NULL,
    chain_id integer DEFAULT 1 NOT NULL,
    source character varying(32),
    end_user character varying(256),
    hash_version integer DEFAULT 1 NOT NULL
);


--
-- Name: device; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.device (
    device_id character varying(36) NOT NULL,
    hostname character varying(255) NOT NULL,
    domain_name character varying(256) NOT NULL,
    serial_number character varying(256),
    os_version character varying(256),
    enrolled_at timestamp without time zone NOT NULL,
    last_check_in_at timestamp without time zone,
    token_hash character varying(64) NOT NULL,
    migrated_from_mbam boolean NOT NULL,
    imported_from character varying(16)
);


--
-- Name: device_user; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.device_user (
    device_user_id character varying(36) NOT NULL,
    device_id character varying(36) NOT NULL,
    principal character varying(256) NOT NULL,
    source character varying(16) NOT NULL,
    first_seen_at timestamp without time zone NOT NULL,
    last_seen_at timestamp without time zone NOT NULL
);


--
-- Name: keywarden_schema_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.keywarden_schema_history (
    version integer NOT NULL,
    description character varying(200) NOT NULL,
    checksum bigint NOT NULL,
    installed_at character varying(40) NOT NULL
);


--
-- Name: keywarden_setting; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.keywarden_setting (
    setting_name character varying(128) NOT NULL,
    setting_value character varying(4000) NOT NULL,
    changed_at timestamp without time zone NOT NULL,
    changed_by character varying(256) NOT NULL
);


--
-- Name: recovery_key; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recovery_key (
    recovery_key_id character varying(36) NOT NULL,
    key_id_prefix character varying(8) NOT NULL,
    device_id character varying(36) NOT NULL,
    volume_id character varying(36) NOT NULL,
    recovery_password bytea NOT NULL,
    key_package bytea,
    state character varying(16) NOT NULL,
    escrowed_at timestamp without time zone NOT NULL,
    disclosed_at timestamp without time zone,
    rotation_requested_at timestamp without time zone,
    superseded_by character varying(36),
    superseded_at timestamp without time zone,
    verified_removed_at timestamp without time zone,
    sealed_with character varying(64)
);


--
-- Name: self_service_throttle; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.self_service_throttle (
    username_key character varying(256) NOT NULL,
    failures integer NOT NULL,
    window_started_at timestamp without time zone NOT NULL,
    locked_until timestamp without time zone
);


--
-- Name: sign_in_throttle; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sign_in_throttle (
    username_key character varying(256) NOT NULL,
    failures integer NOT NULL,
    window_started_at timestamp without time zone NOT NULL,
    locked_until timestamp without time zone
);


--
-- Name: tpm_owner_info; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tpm_owner_info (
    device_id character varying(36) NOT NULL,
    owner_auth_hash bytea NOT NULL,
    reported_at timestamp without time zone NOT NULL,
    received_at timestamp without time zone NOT NULL,
    sealed_with character varying(64)
);


--
-- Name: volume; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.volume (
    volume_id character varying(36) NOT NULL,
    device_id character varying(36) NOT NULL,
    volume_guid character varying(36) NOT NULL,
    volume_type character varying(16) NOT NULL,
    drive_letter character varying(256)
);


--
-- Name: volume_status; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.volume_status (
    volume_id character varying(36) NOT NULL,
    device_id character varying(36) NOT NULL,
    reported_at timestamp without time zone NOT NULL,
    received_at timestamp without time zone NOT NULL,
    encryption_method character varying(64),
    conversion_status character varying(64),
    protection_status character varying(64),
    compliant boolean,
    non_compliance_codes character varying(256),
    protectors character varying(4000)
);


--
-- Data for Name: app_user; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.app_user (user_id, username, password_hash, roles, disabled, created_at, last_sign_in_at, source, user_principal_name) FROM stdin;
68b1d1c6-52b7-4a45-b48c-0f0bf714d77c	admin	PBKDF2WithHmacSHA256:600000:YNSk2aEb7rgz9R6mT7A2e8ZFlXusgwd/M2SqnNuyYhY=:TIVO67/dOkL4usJtDa5O54znoHn4x+dUGM6CTwnVQQU=	ADMIN	f	2026-12-07 13:20:15.933	2026-12-07 13:20:23.288	BUILT_IN	\N
baae7ecf-32fd-41db-868b-7c8ea4ebf019	helpdesk1	PBKDF2WithHmacSHA256:600000:d59tcS8YHT0reJ16ixvxXrOaBGBvzhrgRXi3fES4MLY=:KxXsExKWwm3VOh58RfC5z5Q6TxD/lbgbglCNDUS18Eo=	HELPDESK	f	2026-12-07 13:20:25.214	\N	BUILT_IN	\N
\.


--
-- Data for Name: audit_chain_head; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit_chain_head (chain_id, id_cursor, last_hash) FROM stdin;
2	2	0000000000000000000000000000000000000000000000000000000000000000
3	3	0000000000000000000000000000000000000000000000000000000000000000
4	4	0000000000000000000000000000000000000000000000000000000000000000
5	5	0000000000000000000000000000000000000000000000000000000000000000
6	6	0000000000000000000000000000000000000000000000000000000000000000
7	7	0000000000000000000000000000000000000000000000000000000000000000
8	16	52a1538b9bb11db2642420c4a8c2f3986309d381078a49e27cb103ad131f1369
1	89	32a6031b193d26616a61a3dd8fcaefa62fcc15d5c50b8e830066512e9aaacc33
\.


--
-- Data for Name: audit_event; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit_event (event_id, occurred_at, actor, source_address, action, outcome, device_id, volume_guid, recovery_key_id, reason, detail, previous_hash, event_hash, chain_id, source, end_user, hash_version) FROM stdin;
16	2026-12-07 13:20:16.002	system	\N	USER_CREATED	SUCCESS	\N	\N	\N	\N	user admin with roles ADMIN	0000000000000000000000000000000000000000000000000000000000000000	52a1538b9bb11db2642420c4a8c2f3986309d381078a49e27cb103ad131f1369	8	SYSTEM	\N	2
9	2026-12-07 13:20:19.033	device:a645f37c-433a-4d69-9c28-e629cfc35b9d	127.0.0.1	DEVICE_ENROLL	SUCCESS	a645f37c-433a-4d69-9c28-e629cfc35b9d	\N	\N	\N	hostname PC-UPGRADE, domain CORP	0000000000000000000000000000000000000000000000000000000000000000	1f01415f3776f59b695b5665f8af1f2b0e5111b221f3be3b6a26de7371234117	1	AGENT	\N	2
17	2026-12-07 13:20:20.367	device:a645f37c-433a-4d69-9c28-e629cfc35b9d	127.0.0.1	KEY_ESCROW	SUCCESS	a645f37c-433a-4d69-9c28-e629cfc35b9d	125A88FF-0F90-46D5-A354-41CF6E8D0871	F8D2444C-5CB1-45C7-A93E-12D1E5CB8D46	\N	\N	1f01415f3776f59b695b5665f8af1f2b0e5111b221f3be3b6a26de7371234117	02cd45ee3700f411c5c50cc981bacd3db6bfb4ccae1cbae50122bda89633449b	1	AGENT	\N	2
25	2026-12-07 13:20:21.642	device:a645f37c-433a-4d69-9c28-e629cfc35b9d	127.0.0.1	KEY_ESCROW	SUCCESS	a645f37c-433a-4d69-9c28-e629cfc35b9d	FA6411DC-2933-410F-B7F4-A0EB5E3744B5	1FFADFC3-EF8E-41D6-A16F-9B7A2802A124	\N	\N	02cd45ee3700f411c5c50cc981bacd3db6bfb4ccae1cbae50122bda89633449b	33098a92c24e08c711ee602e43eb1fb26a3cfbefdfcc662988af74a796bc571c	1	AGENT	\N	2
33	2026-12-07 13:20:22.873	device:a645f37c-433a-4d69-9c28-e629cfc35b9d	127.0.0.1	TPM_OWNER_INFO_ESCROW	SUCCESS	a645f37c-433a-4d69-9c28-e629cfc35b9d	\N	\N	\N	reported at 2026-12-07T13:20:22.473Z	33098a92c24e08c711ee602e43eb1fb26a3cfbefdfcc662988af74a796bc571c	b52272f3ec85518a4bb97914b49a073b978dca34597fd94b8e08f35314a1fc55	1	AGENT	\N	2
41	2026-12-07 13:20:23.48	user:admin	127.0.0.1	SIGN_IN	SUCCESS	\N	\N	\N	\N	API	b52272f3ec85518a4bb97914b49a073b978dca34597fd94b8e08f35314a1fc55	dac9138ce6c8d60c970814ff3310ce90dc2680222d04136dac5e48d4ab018b64	1	API	\N	2
49	2026-12-07 13:20:23.602	user:admin	127.0.0.1	KEY_DISCLOSED	SUCCESS	a645f37c-433a-4d69-9c28-e629cfc35b9d	\N	1FFADFC3-EF8E-41D6-A16F-9B7A2802A124	LOST_PIN	no end user named	dac9138ce6c8d60c970814ff3310ce90dc2680222d04136dac5e48d4ab018b64	5df66f8228e310b7436a1b8dd352cef07f48a71c28ec7073ae609f9e22399de4	1	API	\N	2
57	2026-12-07 13:20:24.619	device:a645f37c-433a-4d69-9c28-e629cfc35b9d	127.0.0.1	KEY_ESCROW	SUCCESS	a645f37c-433a-4d69-9c28-e629cfc35b9d	FA6411DC-2933-410F-B7F4-A0EB5E3744B5	CD3FC72A-5C56-4C83-821E-3B978B7B357F	\N	supersedes 1FFADFC3-EF8E-41D6-A16F-9B7A2802A124	5df66f8228e310b7436a1b8dd352cef07f48a71c28ec7073ae609f9e22399de4	59c174ccfb714deb6fa5327b7d4901168160820500a9b353a9934d051d223875	1	AGENT	\N	2
65	2026-12-07 13:20:25.217	user:admin	127.0.0.1	USER_CREATED	SUCCESS	\N	\N	\N	\N	user helpdesk1 with roles HELPDESK	59c174ccfb714deb6fa5327b7d4901168160820500a9b353a9934d051d223875	3077adaa0618d1f776ccd462aedf8b353706d03da27a3896f24ec80dcf47be5e	1	API	\N	2
73	2026-12-07 13:20:25.377	user:admin	127.0.0.1	KEY_DISCLOSED	SUCCESS	a645f37c-433a-4d69-9c28-e629cfc35b9d	\N	1FFADFC3-EF8E-41D6-A16F-9B7A2802A124	LOST_PIN	no end user named	3077adaa0618d1f776ccd462aedf8b353706d03da27a3896f24ec80dcf47be5e	c640cea6d40fb693726e7b3f741da7def9ae42ef2e0900b2c54175326d924e70	1	API	\N	2
81	2026-12-07 13:20:25.437	user:admin	127.0.0.1	KEY_DISCLOSED	SUCCESS	a645f37c-433a-4d69-9c28-e629cfc35b9d	\N	CD3FC72A-5C56-4C83-821E-3B978B7B357F	LOST_PIN	no end user named	c640cea6d40fb693726e7b3f741da7def9ae42ef2e0900b2c54175326d924e70	c1e3c6736c702f5daa9746be731beda47944e6fcff1f2ad90eddde601681c66a	1	API	\N	2
89	2026-12-07 13:20:25.494	user:admin	127.0.0.1	KEY_DISCLOSED	SUCCESS	a645f37c-433a-4d69-9c28-e629cfc35b9d	\N	F8D2444C-5CB1-45C7-A93E-12D1E5CB8D46	LOST_PIN	no end user named	c1e3c6736c702f5daa9746be731beda47944e6fcff1f2ad90eddde601681c66a	32a6031b193d26616a61a3dd8fcaefa62fcc15d5c50b8e830066512e9aaacc33	1	API	\N	2
\.


--
-- Data for Name: device; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.device (device_id, hostname, domain_name, serial_number, os_version, enrolled_at, last_check_in_at, token_hash, migrated_from_mbam, imported_from) FROM stdin;
a645f37c-433a-4d69-9c28-e629cfc35b9d	PC-UPGRADE	CORP	\N	\N	2026-12-07 13:20:18.986	2026-12-07 13:20:24.429	6b0679378046adac7930d7afa0da5c12b7dc9560c9231ce062285a13e3f52543	f	\N
\.


--
-- Data for Name: device_user; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.device_user (device_user_id, device_id, principal, source, first_seen_at, last_seen_at) FROM stdin;
716de54e-07b4-4d1e-8252-e650e3b3e23b	a645f37c-433a-4d69-9c28-e629cfc35b9d	CORP\\alice	AGENT	2026-12-07 13:20:18.986	2026-12-07 13:20:18.986
\.


--
-- Data for Name: keywarden_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.keywarden_schema_history (version, description, checksum, installed_at) FROM stdin;
1	initial schema	3930709247	2026-12-07T13:20:14.921573692Z
2	sealed with	1099255720	2026-12-07T13:20:14.974277806Z
3	identity and settings	1479211991	2026-12-07T13:20:15.011133550Z
4	audit chains	1760814956	2026-12-07T13:20:15.037985355Z
5	sign in throttle	474411459	2026-12-07T13:20:15.055099618Z
6	audit sources	3867251356	2026-12-07T13:20:15.067977616Z
7	self service throttle	3961623622	2026-12-07T13:20:15.080340352Z
8	longer settings	3786536888	2026-12-07T13:20:15.087451456Z
9	directory users	692509762	2026-12-07T13:20:15.097606023Z
10	plain records say plain	3266603058	2026-12-07T13:20:15.103058657Z
11	imported keys	2142463095	2026-12-07T13:20:15.112184522Z
\.


--
-- Data for Name: keywarden_setting; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.keywarden_setting (setting_name, setting_value, changed_at, changed_by) FROM stdin;
\.


--
-- Data for Name: recovery_key; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.recovery_key (recovery_key_id, key_id_prefix, device_id, volume_id, recovery_password, key_package, state, escrowed_at, disclosed_at, rotation_requested_at, superseded_by, superseded_at, verified_removed_at, sealed_with) FROM stdin;
1FFADFC3-EF8E-41D6-A16F-9B7A2802A124	1FFADFC3	a645f37c-433a-4d69-9c28-e629cfc35b9d	8c043eaa-6a92-472e-87a7-3ad8dc7d557a	\\x003032373535352d3338343035342d3633313437372d3030353833302d3431383232302d3135353531382d3530303831392d313930333939	\\x00117ba91afcc655ed9d5db881e1a44d148f055bd7cd537376d541e57248a4a23188ba0295ea2c7f882071849171f68a6a2480d9ed960679613280015fb41514bf347eeea9f83174ba564806a066df8224ef9e03b39cd386f434743acfc9e7c5ef4f6b1cfb6bc9e569356d2d90c690a4770ab37dbbbcc63b8af79fb526e117e12d5b0ed3cd79fb6d796c784dec44294e52cd8c0957b4947e6dd0961b2af9bbdf225c3beab713fb20c0472762ab25dc64f91d792c414289bf8e8593255d82a6d414329e7e1f5179c3705710894fe618bde6c13313612f86a85b78de70afc10f22299bc9033c73409029527ba2e7a423992d6a9e3ab77698ca0d104a4408062435bd8f6aec914a4a9817df4b0a6666a95905ed1a336feaece9b159633b081b086344d90d72d772af90111244e9bf7c7b7eaa4b2b9215f2b11c8867e41f777122e00cb7db06adfabff32e088f465fe450a5721b0f321b099be369a21e8f0fd2da30f79d52f19c488a42af497b0737c435177aca03981ebd2d26246076e24290023ad5c815cbfddf058ef4991404080a75c2db9ac4e7626b9d7f74701ab04af01ff795b5004e957c	SUPERSEDED	2026-12-07 13:20:21.634	2026-12-07 13:20:25.377	2026-12-07 13:20:25.377	CD3FC72A-5C56-4C83-821E-3B978B7B357F	2026-12-07 13:20:24.608	\N	plain
CD3FC72A-5C56-4C83-821E-3B978B7B357F	CD3FC72A	a645f37c-433a-4d69-9c28-e629cfc35b9d	8c043eaa-6a92-472e-87a7-3ad8dc7d557a	\\x003531323735342d3337393435362d3130303837302d3239373439352d3139323837342d3032313930312d3635363432352d363332313337	\\x00e42aa26ff3051a85b931f8dfd6ab669e6f30eb499239ccded541bf94709a6d2c5f661c434e7b2f31733a46436413fac1330805ab37b60411e5347aaf7d56c6cc0695b9aeaed5a4b689a601e070f5c6fffd92ce76377f9f182a26ab41e9fd4ee6708b02fcfc5abfd51d4ed3b81a091fd33ca11fe1200e3e43ede8543bb7c7d8c95cd832e0e8444039fe65f9cafff6f2d2794618818ef4ab3357bc5ef3915ff488f92fd083c08feee002eb71c3f4499dbdd12be656d6ca6168ad3590046b8795cf209209c2762096c15a9ffd11e5683f6cba6ae7f22278fcdfcb5521cddcaf073aa4922067fac9230bf06b17a709622008b6f895eb3b3baad14d52ae7a2965fbbaa45f3014b896be7e6e167d5cebc03ca65c69010933bf5eaa4c6cf355a70774467ebf002b102382fb5f72abf014dcb538061529e3fcce6a9af8a780c2b7efdb7d181fbdebdecf83d3c4b7d9dc30f5d2cab39860053f	DISCLOSED	2026-12-07 13:20:24.608	2026-12-07 13:20:25.438	2026-12-07 13:20:25.438	\N	\N	\N	plain
F8D2444C-5CB1-45C7-A93E-12D1E5CB8D46	F8D2444C	a645f37c-433a-4d69-9c28-e629cfc35b9d	719e7bc8-6b86-4e75-adea-9fba10738da4	\\x003130363231362d3336303235302d3032353732392d3533333139322d3437373130332d3531333137322d3231343134382d323234303932	\\x0047de207e63722c5266c2940524cedc8a9d7b3974448392280b562e11b68786f21138504598ac2d2c46e450cb6e0081e1dd8d2185c009f6b5ff7477bf8d73b329c5e11e916330a481efdc1beb27cbb142fb038d64adc2bbd14d11d0ee9907489573dc6e11bdbc8ecd422f42968f56ec1209bd3143b16095afec6e0e437ffe73262a6b3501c00de39e70aba18d4d5ca4f2f7613d6e3c0b4092917d2e989ec3b31c73d4d01ed812af672dcf6e3a41e73fd98cfacaf9caff3a21bf19cce37b967e5a32e0166e4e6443d1653d887d80412662afe17878218490dbc8f66bc9c6709b4bbaf077ed4073758eaac06458a9ed5084abcb31babee2c4a5d612cae78d9980d5679fc04727e18fde67c834fbd754cab868f9da46368a9deef0cb94ec44be8c8465463fc5229b5019f6c0ed0ae4e371913f60a21062649efc037f7d6e92e64eb4bec48658d03764944ee9bdb15bcb85f2f22760acce14fd877a7d0c790f10610dc280a54512a1e36697e3d1989203f7c3cc7e36f422562e2aa5cd6828dce819ff67f24b37f75e43dfc45e5d3c91370cdcfddd9a28270a32ebb4	DISCLOSED	2026-12-07 13:20:20.343	2026-12-07 13:20:25.494	2026-12-07 13:20:25.494	\N	\N	\N	plain
\.


--
-- Data for Name: self_service_throttle; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.self_service_throttle (username_key, failures, window_started_at, locked_until) FROM stdin;
\.


--
-- Data for Name: sign_in_throttle; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sign_in_throttle (username_key, failures, window_started_at, locked_until) FROM stdin;
\.


--
-- Data for Name: tpm_owner_info; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.tpm_owner_info (device_id, owner_auth_hash, reported_at, received_at, sealed_with) FROM stdin;
a645f37c-433a-4d69-9c28-e629cfc35b9d	\\x0039bbeacc7ae481cac103e126ef8d2806e752a9aafb7a0f36d690edca28d6	2026-12-07 13:20:22.473	2026-12-07 13:20:22.862	plain
\.


--
-- Data for Name: volume; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.volume (volume_id, device_id, volume_guid, volume_type, drive_letter) FROM stdin;
719e7bc8-6b86-4e75-adea-9fba10738da4	a645f37c-433a-4d69-9c28-e629cfc35b9d	125A88FF-0F90-46D5-A354-41CF6E8D0871	OS	C:
8c043eaa-6a92-472e-87a7-3ad8dc7d557a	a645f37c-433a-4d69-9c28-e629cfc35b9d	FA6411DC-2933-410F-B7F4-A0EB5E3744B5	FIXED	D:
\.


--
-- Data for Name: volume_status; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.volume_status (volume_id, device_id, reported_at, received_at, encryption_method, conversion_status, protection_status, compliant, non_compliance_codes, protectors) FROM stdin;
719e7bc8-6b86-4e75-adea-9fba10738da4	a645f37c-433a-4d69-9c28-e629cfc35b9d	2026-12-07 13:20:24.012	2026-12-07 13:20:24.429	XTS_AES_256	FULLY_ENCRYPTED	ON	t		TPM:C35BA4F5-BEF4-49CF-859A-ED354D69F5D9,RECOVERY_PASSWORD:F8D2444C-5CB1-45C7-A93E-12D1E5CB8D46
8c043eaa-6a92-472e-87a7-3ad8dc7d557a	a645f37c-433a-4d69-9c28-e629cfc35b9d	2026-12-07 13:20:24.012	2026-12-07 13:20:24.429	XTS_AES_256	FULLY_ENCRYPTED	ON	t		RECOVERY_PASSWORD:1FFADFC3-EF8E-41D6-A16F-9B7A2802A124
\.


--
-- Name: app_user pk_app_user; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.app_user
    ADD CONSTRAINT pk_app_user PRIMARY KEY (user_id);


--
-- Name: audit_chain_head pk_audit_chain_head; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_chain_head
    ADD CONSTRAINT pk_audit_chain_head PRIMARY KEY (chain_id);


--
-- Name: audit_event pk_audit_event; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_event
    ADD CONSTRAINT pk_audit_event PRIMARY KEY (event_id);


--
-- Name: device pk_device; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.device
    ADD CONSTRAINT pk_device PRIMARY KEY (device_id);


--
-- Name: device_user pk_device_user; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.device_user
    ADD CONSTRAINT pk_device_user PRIMARY KEY (device_user_id);


--
-- Name: keywarden_schema_history pk_keywarden_schema_history; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.keywarden_schema_history
    ADD CONSTRAINT pk_keywarden_schema_history PRIMARY KEY (version);


--
-- Name: keywarden_setting pk_keywarden_setting; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.keywarden_setting
    ADD CONSTRAINT pk_keywarden_setting PRIMARY KEY (setting_name);


--
-- Name: recovery_key pk_recovery_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recovery_key
    ADD CONSTRAINT pk_recovery_key PRIMARY KEY (recovery_key_id);


--
-- Name: self_service_throttle pk_self_service_throttle; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.self_service_throttle
    ADD CONSTRAINT pk_self_service_throttle PRIMARY KEY (username_key);


--
-- Name: sign_in_throttle pk_sign_in_throttle; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sign_in_throttle
    ADD CONSTRAINT pk_sign_in_throttle PRIMARY KEY (username_key);


--
-- Name: tpm_owner_info pk_tpm_owner_info; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tpm_owner_info
    ADD CONSTRAINT pk_tpm_owner_info PRIMARY KEY (device_id);


--
-- Name: volume pk_volume; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.volume
    ADD CONSTRAINT pk_volume PRIMARY KEY (volume_id);


--
-- Name: volume_status pk_volume_status; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.volume_status
    ADD CONSTRAINT pk_volume_status PRIMARY KEY (volume_id);


--
-- Name: app_user uq_app_user_username; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.app_user
    ADD CONSTRAINT uq_app_user_username UNIQUE (username);


--
-- Name: device uq_device_token_hash; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.device
    ADD CONSTRAINT uq_device_token_hash UNIQUE (token_hash);


--
-- Name: device_user uq_device_user; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.device_user
    ADD CONSTRAINT uq_device_user UNIQUE (device_id, principal);


--
-- Name: volume uq_volume_device_guid; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.volume
    ADD CONSTRAINT uq_volume_device_guid UNIQUE (device_id, volume_guid);


--
-- Name: ix_audit_event_chain; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_event_chain ON public.audit_event USING btree (chain_id, event_id);


--
-- Name: ix_audit_event_device; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_event_device ON public.audit_event USING btree (device_id);


--
-- Name: ix_audit_event_newest; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_event_newest ON public.audit_event USING btree (occurred_at, event_id);


--
-- Name: ix_audit_event_occurred_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_event_occurred_at ON public.audit_event USING btree (occurred_at);


--
-- Name: ix_device_hostname; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_device_hostname ON public.device USING btree (hostname);


--
-- Name: ix_device_user_principal; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_device_user_principal ON public.device_user USING btree (principal);


--
-- Name: ix_recovery_key_device; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_recovery_key_device ON public.recovery_key USING btree (device_id);


--
-- Name: ix_recovery_key_prefix; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_recovery_key_prefix ON public.recovery_key USING btree (key_id_prefix);


--
-- Name: ix_recovery_key_sealed_with; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_recovery_key_sealed_with ON public.recovery_key USING btree (sealed_with);


--
-- Name: ix_recovery_key_volume; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_recovery_key_volume ON public.recovery_key USING btree (volume_id);


--
-- Name: ix_tpm_owner_info_sealed_with; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_tpm_owner_info_sealed_with ON public.tpm_owner_info USING btree (sealed_with);


--
-- Name: ix_volume_status_device; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_volume_status_device ON public.volume_status USING btree (device_id);


--
-- Name: device_user fk_device_user_device; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.device_user
    ADD CONSTRAINT fk_device_user_device FOREIGN KEY (device_id) REFERENCES public.device(device_id);


--
-- Name: recovery_key fk_recovery_key_device; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recovery_key
    ADD CONSTRAINT fk_recovery_key_device FOREIGN KEY (device_id) REFERENCES public.device(device_id);


--
-- Name: recovery_key fk_recovery_key_volume; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recovery_key
    ADD CONSTRAINT fk_recovery_key_volume FOREIGN KEY (volume_id) REFERENCES public.volume(volume_id);


--
-- Name: tpm_owner_info fk_tpm_owner_info_device; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tpm_owner_info
    ADD CONSTRAINT fk_tpm_owner_info_device FOREIGN KEY (device_id) REFERENCES public.device(device_id);


--
-- Name: volume fk_volume_device; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.volume
    ADD CONSTRAINT fk_volume_device FOREIGN KEY (device_id) REFERENCES public.device(device_id);


--
-- Name: volume_status fk_volume_status_volume; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.volume_status
    ADD CONSTRAINT fk_volume_status_volume FOREIGN KEY (volume_id) REFERENCES public.volume(volume_id);


--
-- PostgreSQL database dump complete
--

\unrestrict jMXBgRtVsNcPefMWwohWy7MdEgA68jzRZfo9nCnCjt3obzcXyJYKp8Hx9dpqAxE

