#ifndef CURRICULUMKIT_CLIBXML2_SHIM_H
#define CURRICULUMKIT_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU; its headers then pull in ICU's, whose types clash with the ICU copy inside
// Foundation. The toolkit never uses libxml2's ICU entry points, so switch them off before anything else.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlIO.h>
#include <libxml/entities.h>
#include <libxml/HTMLparser.h>

/// Frees memory libxml2 allocated; `xmlFree` itself is a global function pointer Swift cannot call safely.
static inline void ck_xml_free(void *pointer) { xmlFree(pointer); }

#endif
